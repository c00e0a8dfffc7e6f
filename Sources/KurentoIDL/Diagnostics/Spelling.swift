/// Did-you-mean suggestions: the closest candidate by edit distance, ignoring case first.
public enum Spelling {
    /// The best candidate within a small distance of `word`, or nil. Ties go to the smallest name.
    public static func suggestion(for word: String, among candidates: some Sequence<String>) -> String? {
        let lower = word.lowercased()
        let scalars = Array(lower.unicodeScalars)
        let limit = max(1, min(3, word.count / 3))
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let candidateLower = candidate.lowercased()
            // Only distances up to the best so far (and the limit) can matter: longer ones are cut short.
            let bound = min(limit, best?.distance ?? limit)
            guard let d = candidateLower == lower ? 0 : distance(scalars, Array(candidateLower.unicodeScalars), atMost: bound)
            else { continue }
            if d < (best?.distance ?? Int.max) || (d == best?.distance && candidate < best!.name) {
                best = (candidate, d)
            }
        }
        return best?.name
    }

    /// Levenshtein distance over Unicode scalars.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The Levenshtein distance of `a` and `b` when it is at most `k`, else nil. Only the band of cells within
    /// `k` of the diagonal is computed (cells outside it exceed `k`), so a long word costs O(length × k), not
    /// O(length²) as with `distance(_:_:)`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], atMost k: Int) -> Int? {
        guard abs(a.count - b.count) <= k else { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        let over = k + 1
        var previous = (0...b.count).map { min($0, over) }
        var current = [Int](repeating: over, count: b.count + 1)
        for i in 1...a.count {
            let low = max(1, i - k), high = min(b.count, i + k)
            current[0] = min(i, over)
            current[low - 1] = low == 1 ? current[0] : over
            var rowMinimum = current[low - 1]
            for j in low...high {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                let value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost, over)
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if high < b.count { current[high + 1] = over }
            // A row's minimum never decreases further down: past k, no path can come back within k.
            if rowMinimum > k { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= k ? previous[b.count] : nil
    }
}
