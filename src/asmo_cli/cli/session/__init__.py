"""The interactive session: the questions of asmo assess, asmo hours and a paper form."""
