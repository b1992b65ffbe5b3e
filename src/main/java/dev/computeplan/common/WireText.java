package dev.computeplan.common;

import java.util.List;
import java.util.Map;

/**
 * Rules shared by the request records of every kind: how long ids, names and free text may be, which characters
 * they may hold, and that an empty optional list or map means the same as an absent one.
 */
public final class WireText {

    /** Longest id or name (of a node, job, SKU, series ...) and of a reference to one. */
    public static final int NAME_MAX = 128;

    /** Longest free-text field (assumptions, sources). */
    public static final int TEXT_MAX = 500;

    /**
     * An id or name: any printable text, spaces included, but no control characters (C0, DEL, C1), line or
     * paragraph separators, bidirectional controls or byte-order marks, which make one id look like another.
     * Written with escapes only, so that it reads the same in Java, in JSON Schema and in ECMAScript.
     */
    public static final String NAME_PATTERN =
            "^[^\\x00-\\x1F\\x7F-\\x9F\\u200E\\u200F\\u2028-\\u202E\\u2066-\\u2069\\uFEFF]*$";

    public static final String NAME_MESSAGE =
            "must not contain control characters, line separators or bidirectional formatting characters";

    private WireText() {}

    /** An empty optional list is the absent list: null, so that the model applies the absent list's default. */
    public static <T> List<T> emptyAsAbsent(List<T> list) {
        return list == null || list.isEmpty() ? null : list;
    }

    /** An empty optional map is the absent map. */
    public static <K, V> Map<K, V> emptyAsAbsent(Map<K, V> map) {
        return map == null || map.isEmpty() ? null : map;
    }
}
