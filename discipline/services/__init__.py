"""Every change to a discipline record (Rules 22, 23; Mandela 36-46), one verb a function."""
