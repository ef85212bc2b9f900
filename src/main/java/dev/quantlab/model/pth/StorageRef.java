package dev.quantlab.model.pth;

/**
 * A storage a tensor reads from, as declared by a persistent id: the key of the serialized (root)
 * storage, its element type and size, and the window {@code [base, base + numel)} of it this
 * reference covers (the whole storage except for legacy storage views).
 */
record StorageRef(String key, StorageType type, long rootNumel, long base, long numel) {

    /** A reference to a whole storage. */
    static StorageRef whole(String key, StorageType type, long numel) {
        return new StorageRef(key, type, numel, 0, numel);
    }
}
