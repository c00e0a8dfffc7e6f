#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file operations the output writer needs, on POSIX calls so that every failure carries the
/// system's own reason ("Permission denied", "Not a directory") and the path it concerns.
enum FileSystem {
    enum Kind: Equatable {
        case file, folder, symbolicLink, other
    }

    /// What is at `path` (not following a final symbolic link), or nil when nothing is.
    static func kind(at path: String) throws(OutputError) -> Kind? {
        var info = stat()
        if lstat(path, &info) != 0 {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return nil }
            throw failure("cannot inspect", path, code)
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    /// Whether `path` is a folder, following symbolic links.
    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// The permission bits of the file at `path`, following symbolic links; nil when it cannot be read.
    static func permissions(at path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o7777
    }

    /// The bytes of the file at `path`, or nil when there is no file there.
    static func read(_ path: String) throws(OutputError) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return nil }
            throw failure("cannot read", path, code)
        }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) != 0 { throw failure("cannot read", path, errno) }
        if info.st_mode & S_IFMT == S_IFDIR {
            throw OutputError("cannot write '\(path)': a folder of that name is in the way")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glue.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw failure("cannot read", path, errno)
            }
            if n == 0 { break }
            bytes.append(contentsOf: buffer[0..<n])
        }
        return bytes
    }

    /// Creates `folder` and its missing parents.
    static func makeFolders(_ folder: String) throws(OutputError) {
        if folder.isEmpty || isFolder(folder) { return }
        var prefix = folder.hasPrefix("/") ? "/" : ""
        for part in folder.split(separator: "/") {
            prefix += part
            if mkdir(prefix, 0o777) != 0 {
                let code = errno
                if code != EEXIST || !isFolder(prefix) {
                    throw failure("cannot create folder", prefix, code == EEXIST ? ENOTDIR : code)
                }
            }
            prefix += "/"
        }
    }

    /// Writes `bytes` to `path` atomically: into a temporary file of the same folder, then renamed over it.
    /// Readers see the old file or the new one, never a part; a failure leaves the old file in place.
    static func writeAtomically(_ bytes: [UInt8], to path: String, permissions: mode_t?) throws(OutputError) {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name).kidlc-\(suffix).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        if fd < 0 { throw failure("cannot write", path, errno) }
        var written = 0
        var code: Int32 = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Glue.write(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                code = errno
                break
            }
            written += n
        }
        if code == 0, let permissions, fchmod(fd, permissions) != 0 { code = errno }
        if close(fd) != 0 && code == 0 { code = errno }
        if code == 0 && rename(temporary, path) != 0 { code = errno }
        if code != 0 {
            unlink(temporary)
            throw failure("cannot write", path, code)
        }
    }

    /// Removes the file (or symbolic link) at `path`; nothing there is not an error.
    static func remove(_ path: String) throws(OutputError) {
        if unlink(path) != 0 {
            let code = errno
            if code == ENOENT { return }
            throw failure("cannot remove", path, code)
        }
    }

    /// Removes `folder` if it is empty; returns whether it is gone.
    @discardableResult
    static func removeFolderIfEmpty(_ folder: String) -> Bool {
        rmdir(folder) == 0 || errno == ENOENT
    }

    static func failure(_ what: String, _ path: String, _ code: Int32) -> OutputError {
        OutputError("\(what) '\(path)': \(String(cString: strerror(code)))")
    }
}

/// The C functions whose Swift names the methods above shadow.
private enum Glue {
    static func read(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(fd, buffer, count)
        #elseif canImport(Musl)
        Musl.read(fd, buffer, count)
        #else
        Darwin.read(fd, buffer, count)
        #endif
    }

    static func write(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(fd, buffer, count)
        #elseif canImport(Musl)
        Musl.write(fd, buffer, count)
        #else
        Darwin.write(fd, buffer, count)
        #endif
    }
}
