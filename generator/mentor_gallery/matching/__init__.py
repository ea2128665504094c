"""Scoring a mentor for an applicant, and assigning applicants to mentors."""
