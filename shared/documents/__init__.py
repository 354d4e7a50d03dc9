"""Printed and archived documents: tickets, slips, service forms, reports (reportlab)."""
