import Foundation
import KurentoIDL

/// Prints diagnostics to standard error, sorted, then a one-line summary.
enum DiagnosticPrinter {
    /// Returns true when the run failed (errors, or warnings under --warnings-as-errors).
    static func print(_ diagnostics: Diagnostics, warningsAsErrors: Bool, modules: [String]) -> Bool {
        let what = modules.isEmpty ? "no module" : (modules.count == 1 ? "module " : "modules ") + modules.joined(separator: ", ")
        return print(diagnostics, warningsAsErrors: warningsAsErrors, summaryLabel: what)
    }

    /// Prints the diagnostics then `kidlc: <label>: N errors, N warnings`; true when the run failed.
    static func print(_ diagnostics: Diagnostics, warningsAsErrors: Bool, summaryLabel: String) -> Bool {
        var text = ""
        var errors = 0, warnings = 0
        for var d in diagnostics.sorted {
            if warningsAsErrors && d.severity == .warning { d.severity = .error }
            if d.severity == .error { errors += 1 } else if d.severity == .warning { warnings += 1 }
            text += d.description + "\n"
        }
        text += "kidlc: \(summaryLabel): \(count(errors, "error")), \(count(warnings, "warning"))\n"
        FileHandle.standardError.write(Data(text.utf8))
        return errors > 0
    }

    /// `kidlc: timing: read 1.20 ms, resolve and validate 0.31 ms, total 1.51 ms`
    static func printTimings(_ timings: [(stage: String, duration: Duration)]) {
        let parts = timings.map { "\($0.stage) \(milliseconds($0.duration)) ms" }
        FileHandle.standardError.write(Data("kidlc: timing: \(parts.joined(separator: ", "))\n".utf8))
    }

    private static func milliseconds(_ d: Duration) -> String {
        let ms = Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
        return String(format: "%.2f", ms)
    }

    private static func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
}
