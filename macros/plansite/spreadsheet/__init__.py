"""A plan in the spreadsheets staff already use: export to .xlsx/.csv, import back into data/
(changing only the values that changed), and a new plan from a filled-in template."""
