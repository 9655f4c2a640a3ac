"""Publishing a plan: the public comment period, print and open data."""
