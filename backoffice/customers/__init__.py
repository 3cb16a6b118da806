"""Customers as the subject of a case (ZBJ fraud reports): their rules, measures and history."""
