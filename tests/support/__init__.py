"""Helpers shared by the test tiers: fake clocks, routine texts, a real terminal, …"""
