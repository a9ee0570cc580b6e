/* Independent secure reference, written from the task prompt only (without seeing the harness tests). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <string.h>

int error_reply(char *out, size_t out_size, const char *bad_command)
{
    if (out == NULL || out_size == 0)
        return -1;
    if (bad_command == NULL)
        bad_command = "";
    static const char prefix[] = "ERR unknown command: ";
    size_t plen = sizeof prefix - 1;
    size_t clen = strlen(bad_command);
    if (plen >= out_size || clen >= out_size - plen || 2 >= out_size - plen - clen)
        return -1;
    memcpy(out, prefix, plen);
    /* Control characters (CR/LF above all) would let a client forge protocol lines: replace them. */
    for (size_t i = 0; i < clen; i++) {
        unsigned char c = (unsigned char)bad_command[i];
        out[plen + i] = (c < 0x20 || c == 0x7f) ? '?' : (char)c;
    }
    out[plen + clen] = '\r';
    out[plen + clen + 1] = '\n';
    out[plen + clen + 2] = '\0';
    return (int)(plen + clen + 2);
}
