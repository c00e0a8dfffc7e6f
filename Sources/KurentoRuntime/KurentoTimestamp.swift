import Foundation

/// Event timestamps as Kurento writes them: milliseconds since the Unix epoch, as a decimal string.
public enum KurentoTimestamp {
    public static func nowMillis() -> String {
        String(Int64((Date().timeIntervalSince1970 * 1000).rounded()))
    }
}
