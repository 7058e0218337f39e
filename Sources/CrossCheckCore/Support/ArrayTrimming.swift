extension Array {
    /// The array in a buffer of its own size.
    ///
    /// An array grown by appending keeps up to twice the room it needs; one kept for the whole
    /// run (a section's sentences, a variant's claims) is worth copying once into a buffer that
    /// fits. Returns the array itself when the room left is small.
    package func trimmed() -> [Element] {
        guard capacity > count + count / 8 + 4 else { return self }
        var exact: [Element] = []
        exact.reserveCapacity(count)
        exact.append(contentsOf: self)
        return exact
    }
}
