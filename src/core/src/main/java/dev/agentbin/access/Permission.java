package dev.agentbin.access;

/** The reference's permission bits (a bitmask stored on the agent). */
public final class Permission {

    public static final long NONE = 0x0000;
    public static final long PROJECT_SUPER_ADMIN = 0x0001;
    public static final long PROJECT_ALL = 0x000F;
    public static final long CUSTOMER_AGENT = 0x0010;
    public static final long CUSTOMER_ADMIN = 0x0020;
    public static final long CUSTOMER_MANAGER = 0x0040;
    public static final long CUSTOMER_ALL = 0x00F0;
    public static final long ALL = 0xFFFF;

    private Permission() {}

    public static boolean has(long permission, long bit) {
        return (permission & bit) != 0;
    }
}
