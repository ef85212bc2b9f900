package dev.quantlab.model.pth;

/**
 * A tensor as the pickle describes it, before its data is read: a storage window, an element
 * offset into it, and PyTorch's size and stride (both in elements).
 */
record TensorRef(StorageRef storage, long offset, long[] size, long[] stride) {
}
