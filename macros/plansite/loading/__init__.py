"""Reading the data files into the model, with every problem located for its author."""
