/// Semver 2.0 precedence of pre-release identifier lists (rule 11 of the spec).
enum PreReleaseOrder {
    /// Whether the pre-release `a` sorts before `b`. An empty list (a release) sorts after any pre-release.
    static func precedes(_ a: [String], _ b: [String]) -> Bool {
        if a.isEmpty || b.isEmpty { return !a.isEmpty && b.isEmpty }
        for (x, y) in zip(a, b) where x != y {
            return identifierPrecedes(x, y)
        }
        return a.count < b.count
    }

    /// Numeric identifiers compare numerically and sort before alphanumeric ones; alphanumeric ones compare in
    /// ASCII order.
    private static func identifierPrecedes(_ x: String, _ y: String) -> Bool {
        switch (isNumeric(x), isNumeric(y)) {
        case (true, true):
            // Arbitrary length: compare without leading zeros, by length first, then digit by digit.
            let u = x.drop { $0 == "0" }, v = y.drop { $0 == "0" }
            return u.count != v.count ? u.count < v.count : Array(u.utf8).lexicographicallyPrecedes(Array(v.utf8))
        case (true, false): return true
        case (false, true): return false
        case (false, false): return Array(x.utf8).lexicographicallyPrecedes(Array(y.utf8))
        }
    }

    private static func isNumeric(_ identifier: String) -> Bool {
        !identifier.isEmpty && identifier.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
    }
}
