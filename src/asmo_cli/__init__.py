"""asmo: zelfassessment voor ambtelijk secretarissen van een medezeggenschapsorgaan."""

__version__ = "0.1.0"
