import os
DB_PASSWORD = os.environ["DB_PASSWORD"]
