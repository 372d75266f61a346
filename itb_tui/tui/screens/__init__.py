"""One screen per place the user goes."""
