import Foundation

/// Writes a new package all at once: the files go into a hidden folder beside the destination, which is renamed
/// into place only when every file is written — a failure leaves nothing behind.
public enum ScaffoldWriter {
    /// Writes `files` into `destination`, which must not exist or be an empty folder, and whose parent must exist.
    public static func write(_ files: [ScaffoldFile], to destination: String) throws(ScaffoldError) {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: destination).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard fm.fileExists(atPath: parent.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw ScaffoldError("cannot create '\(target.path)': its parent folder '\(parent.path)' does not exist")
        }
        if fm.fileExists(atPath: target.path, isDirectory: &isFolder) {
            let entries = (try? fm.contentsOfDirectory(atPath: target.path)) ?? []
            guard isFolder.boolValue, entries.isEmpty else {
                throw ScaffoldError("'\(target.path)' already exists and is not an empty folder; kidlc init writes only a new package")
            }
        }
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).kidlc-init-\(getpid())")
        do {
            try? fm.removeItem(at: staging)
            for file in files {
                let url = staging.appendingPathComponent(file.path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                if let link = file.linkTarget {
                    try fm.createSymbolicLink(atPath: url.path, withDestinationPath: link)
                } else {
                    try Data(file.contents.utf8).write(to: url)
                }
            }
            if fm.fileExists(atPath: target.path) { try fm.removeItem(at: target) }
            try fm.moveItem(at: staging, to: target)
        } catch {
            try? fm.removeItem(at: staging)
            throw ScaffoldError("cannot write the package into '\(target.path)': \(error.localizedDescription)")
        }
    }
}
