"""Tests of the Sitoo emulator."""
