package dev.osprey.bench;

import java.util.Locale;

/** The three ways each workload is implemented. */
public enum Impl {
    OSPREY("osprey", "Osprey"),
    JDBC("jdbc", "JDBC"),
    HIBERNATE("hibernate", "Hibernate");

    private final String key;
    private final String label;

    Impl(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static Impl of(String key) {
        String wanted = key.strip().toLowerCase(Locale.ROOT);
        for (Impl impl : values()) {
            if (impl.key.equals(wanted)) {
                return impl;
            }
        }
        throw new IllegalArgumentException("unknown implementation '" + key + "': expected osprey, jdbc or hibernate");
    }
}
