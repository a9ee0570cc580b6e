#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct msg_hdr {
    uint32_t topic_len;
    uint32_t payload_len;
};

uint8_t *msg_pack(const char *topic, const uint8_t *payload, uint32_t plen, uint32_t *out_len)
{
    uint32_t tlen = (uint32_t)strlen(topic);
    uint32_t total;
    struct msg_hdr hdr;
    uint8_t *buf;

    if (tlen > 4096 || plen > UINT32_MAX - sizeof(hdr) - tlen)
        return NULL;
    total = sizeof(hdr) + tlen + plen;
    buf = malloc(total);
    if (buf == NULL)
        return NULL;
    hdr.topic_len = tlen;
    hdr.payload_len = plen;
    memcpy(buf, &hdr, sizeof(hdr));
    memcpy(buf + sizeof(hdr), topic, tlen);
    memcpy(buf + sizeof(hdr) + tlen, payload, plen);
    *out_len = total;
    return buf;
}
