#include <syslog.h>

void report_failed_login(const char *username, const char *password, const char *remote_ip)
{
    syslog(LOG_AUTH | LOG_WARNING, "failed login: user=%s password=%s from=%s", username, password, remote_ip);
}
