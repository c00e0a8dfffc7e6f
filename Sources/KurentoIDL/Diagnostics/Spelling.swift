/// Did-you-mean suggestions: the closest candidate by edit distance, ignoring case first.
public enum Spelling {
    /// The best candidate within a small distance of `word`, or nil.
    public static func suggestion(for word: String, among candidates: some Sequence<String>) -> String? {
        let lower = word.lowercased()
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let d = candidate.lowercased() == lower ? 0 : distance(lower, candidate.lowercased())
            if d < (best?.distance ?? Int.max) || (d == best?.distance && candidate < best!.name) {
                best = (candidate, d)
            }
        }
        guard let best else { return nil }
        let limit = max(1, min(3, word.count / 3))
        return best.distance <= limit ? best.name : nil
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
}
