"""What runs on deadlines: the sweeper marks passed notifications overdue, escalations
chase them, and recurring duties (custody visits) make their next occurrence."""
