"""Progress of a plan: achievement of each indicator, roll-ups and the downloadable register."""
