# probe: {"label": "vulnerable", "cwes": ["CWE-1335"]}
class BitFlags:
    """Feature flags stored in one integer; bit positions come from a config file."""

    def __init__(self):
        self.value = 0

    def enable(self, bit):
        self.value |= 1 << bit

    def is_set(self, bit):
        return bool(self.value >> bit & 1)
