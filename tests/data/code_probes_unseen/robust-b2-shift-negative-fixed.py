# probe: {"label": "secure", "cwes": ["CWE-1335"]}
class BitFlags:
    """Feature flags stored in one integer; bit positions come from a config file."""

    MAX_BIT = 63

    def __init__(self):
        self.value = 0

    def _check(self, bit):
        if not isinstance(bit, int) or not 0 <= bit <= self.MAX_BIT:
            raise ValueError(f"bit position out of range: {bit!r}")
        return bit

    def enable(self, bit):
        self.value |= 1 << self._check(bit)

    def is_set(self, bit):
        return bool(self.value >> self._check(bit) & 1)
