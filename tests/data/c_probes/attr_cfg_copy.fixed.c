#include <errno.h>
#include <stdint.h>
#include <string.h>

struct attr {
    uint16_t len;
    uint16_t type;
    uint8_t data[];
};

struct link_cfg {
    uint32_t mtu;
    uint32_t flags;
    uint8_t addr[6];
};

int link_apply_attr(struct link_cfg *out, const struct attr *a)
{
    struct link_cfg cfg;
    uint16_t plen;

    if (a->len < sizeof(*a))
        return -EINVAL;
    plen = a->len - sizeof(*a);
    if (plen > sizeof(cfg))
        return -EINVAL;
    memset(&cfg, 0, sizeof(cfg));
    memcpy(&cfg, a->data, plen);
    if (cfg.mtu < 68)
        return -EINVAL;
    *out = cfg;
    return 0;
}
