import Foundation

/// The benchmark's table: one line per round and connection count, echo and Kurento invoke side by side: round
/// trips per second, latency percentiles, process CPU per round trip, and the invoke's share of the echo's
/// throughput (`rt/s`) and of its CPU efficiency (`cpu`: echo CPU per round trip / invoke CPU per round trip).
enum Report {
    private static let widths = [5, 5, 10, 7, 7, 7, 10, 7, 7, 7, 8, 8]

    static var header: String {
        row(["round", "conns", "echo rt/s", "p50 µs", "p99 µs", "cpu µs", "invoke rt/s", "p50 µs", "p99 µs", "cpu µs", "rt/s", "cpu"])
    }

    static func line(round: Int, connections: Int, echo: LoadDriver.Result, kurento: LoadDriver.Result) -> String {
        func number(_ v: Double, _ digits: Int = 0) -> String { String(format: "%.\(digits)f", v) }
        return row([
            "\(round)", "\(connections)",
            number(echo.perSecond), number(echo.percentile(0.5)), number(echo.percentile(0.99)), number(echo.cpuPerRoundTrip, 1),
            number(kurento.perSecond), number(kurento.percentile(0.5)), number(kurento.percentile(0.99)), number(kurento.cpuPerRoundTrip, 1),
            number(100 * kurento.perSecond / echo.perSecond, 1) + " %", number(100 * echo.cpuPerRoundTrip / kurento.cpuPerRoundTrip, 1) + " %",
        ])
    }

    /// Right-aligned cells; `|` between the echo and the invoke columns.
    private static func row(_ cells: [String]) -> String {
        var out = ""
        for (i, cell) in cells.enumerated() {
            if i == 2 || i == 6 || i == 10 { out += " |" }
            out += " " + String(repeating: " ", count: max(0, widths[i] - cell.count)) + cell
        }
        return out
    }
}
