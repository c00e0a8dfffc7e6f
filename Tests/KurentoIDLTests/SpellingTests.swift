import Testing
@testable import KurentoIDL

/// Did-you-mean suggestions: the banded distance agrees with the full one wherever it answers.
@Suite struct SpellingTests {
    /// Every pair of words of up to four letters over a small alphabet, every bound up to 3.
    @Test func boundedDistanceAgreesWithFullDistance() {
        let letters: [Unicode.Scalar] = ["a", "b", "é"]
        var words: [[Unicode.Scalar]] = [[]]
        var last: [[Unicode.Scalar]] = [[]]
        for _ in 1...4 {
            last = last.flatMap { word in letters.map { word + [$0] } }
            words += last
        }
        for a in words {
            for b in words {
                let full = Spelling.distance(String(String.UnicodeScalarView(a)), String(String.UnicodeScalarView(b)))
                for k in 0...3 {
                    let bounded = Spelling.distance(a, b, atMost: k)
                    #expect(bounded == (full <= k ? full : nil), "\(a) \(b) k=\(k)")
                }
            }
        }
    }

    @Test func suggestions() {
        #expect(Spelling.suggestion(for: "propreties", among: ["properties", "events", "methods"]) == "properties")
        #expect(Spelling.suggestion(for: "EVENTS", among: ["properties", "events"]) == "events")
        #expect(Spelling.suggestion(for: "xyz", among: ["properties", "events"]) == nil)
        // Equally close: the smallest name wins.
        #expect(Spelling.suggestion(for: "bat", among: ["cat", "bar", "hat"]) == "bar")
        // A long word far from every candidate, and one a few edits away.
        let long = String(repeating: "properties", count: 200)
        #expect(Spelling.suggestion(for: long, among: ["properties", long.uppercased() + "s"]) == long.uppercased() + "s")
        #expect(Spelling.suggestion(for: long + "xyzw", among: [long]) == nil)
    }
}
