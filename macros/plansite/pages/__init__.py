"""Generated pages as data: the kinds of page, their sections, the menu and the frame that writes them."""
