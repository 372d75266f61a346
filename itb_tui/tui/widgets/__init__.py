"""Small widgets that only display what they are given."""
