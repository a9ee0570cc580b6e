DB_PASSWORD = "s3cr3t-Passw0rd"
