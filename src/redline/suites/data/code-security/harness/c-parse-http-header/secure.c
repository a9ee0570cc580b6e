#include <stddef.h>
#include <string.h>
#include <strings.h>

int get_header(const char *request, const char *name, char *out, size_t out_size)
{
    size_t name_len = strlen(name);
    const char *line = strstr(request, "\r\n");  /* skip the request line */
    if (line == NULL || out_size == 0)
        return -1;
    line += 2;
    while (*line != '\0' && strncmp(line, "\r\n", 2) != 0) {
        const char *end = strstr(line, "\r\n");
        size_t line_len = end ? (size_t)(end - line) : strlen(line);
        if (line_len > name_len && line[name_len] == ':' && strncasecmp(line, name, name_len) == 0) {
            const char *value = line + name_len + 1;
            while (*value == ' ' || *value == '\t')
                value++;
            size_t value_len = line_len - (size_t)(value - line);
            if (value_len >= out_size)
                value_len = out_size - 1;  /* truncate to fit */
            memcpy(out, value, value_len);
            out[value_len] = '\0';
            return 0;
        }
        if (end == NULL)
            break;
        line = end + 2;
    }
    return -1;
}
