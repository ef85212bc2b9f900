package dev.quantlab.model.pth;

/**
 * A storage's persistent id in a checkpoint's pickle: {@code ('storage', type, key, location, numel)} in the zip
 * layout, with a sixth item, the view (or None), in the legacy layout. The location (such as cuda:0) is ignored.
 */
record PersistentId(StorageType type, String key, long numel, Object view) {

    /**
     * Reads a persistent id of {@code items} items (5: zip layout, 6: legacy layout).
     *
     * @throws CheckpointException when it is not one
     */
    static PersistentId parse(Object pid, int items) {
        Object[] t = PickleValues.toTuple(pid, "a storage reference");
        if (t.length != items || !"storage".equals(t[0]) || !(t[1] instanceof StorageType)) {
            throw CheckpointException.damaged("it has an unexpected storage reference (" + PickleValues.describe(pid)
                    + ")");
        }
        String key = PickleValues.toKey(t[2], "a storage key");
        long numel = PickleValues.toLong(t[4], "the element count of storage '" + key + "'");
        return new PersistentId((StorageType) t[1], key, numel, items > 5 ? t[5] : null);
    }
}
