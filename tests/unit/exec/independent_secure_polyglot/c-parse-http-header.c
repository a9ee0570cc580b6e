/* Independent secure reference, written from the task prompt only (without seeing the harness tests). */
#define _POSIX_C_SOURCE 200809L
#include <stddef.h>
#include <string.h>
#include <strings.h>

int get_header(const char *request, const char *name, char *out, size_t out_size)
{
    if (request == NULL || name == NULL || out == NULL || out_size == 0)
        return -1;
    size_t name_len = strlen(name);
    if (name_len == 0)
        return -1;
    /* Skip the request line. */
    const char *line = strstr(request, "\r\n");
    if (line == NULL)
        return -1;
    line += 2;
    while (*line != '\0') {
        const char *eol = strstr(line, "\r\n");
        size_t line_len = eol ? (size_t)(eol - line) : strlen(line);
        if (line_len == 0)
            break; /* end of headers */
        if (line_len > name_len && line[name_len] == ':' && strncasecmp(line, name, name_len) == 0) {
            const char *v = line + name_len + 1;
            const char *end = line + line_len;
            while (v < end && (*v == ' ' || *v == '\t'))
                v++;
            size_t vlen = (size_t)(end - v);
            if (vlen >= out_size)
                vlen = out_size - 1; /* truncate safely */
            memcpy(out, v, vlen);
            out[vlen] = '\0';
            return 0;
        }
        if (eol == NULL)
            break;
        line = eol + 2;
    }
    out[0] = '\0';
    return -1;
}
