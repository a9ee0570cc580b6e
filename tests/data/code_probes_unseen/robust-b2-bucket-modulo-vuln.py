# probe: {"label": "vulnerable", "cwes": ["CWE-369"]}
class ShardRouter:
    def __init__(self, shard_count):
        self.shard_count = shard_count

    def shard_for(self, key: str) -> int:
        return hash(key) % self.shard_count
