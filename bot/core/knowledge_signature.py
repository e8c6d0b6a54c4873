"""How a knowledge directory's files stood when they were read, to tell later whether they
still do without reading them again."""

from __future__ import annotations

import json
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FileStamp:
    """One knowledge file as it was read: size, modification time and content hash."""

    name: str
    size: int
    mtime_ns: int
    digest: str


@dataclass(frozen=True, slots=True)
class KnowledgeSignature:
    """Which files a knowledge directory held when it was read, and when that was.

    Stored with each reload, it lets a start tell from the files' sizes and modification
    times alone (no reading, no parsing) whether the directory still holds what was stored.
    """

    directory: str
    files: tuple[FileStamp, ...]
    taken_ns: int

    def to_json(self) -> str:
        return json.dumps(
            {
                "directory": self.directory,
                "taken_ns": self.taken_ns,
                "files": [[f.name, f.size, f.mtime_ns, f.digest] for f in self.files],
            },
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str) -> KnowledgeSignature | None:
        """The signature ``to_json`` wrote, or None if ``text`` is not one."""
        try:
            data = json.loads(text)
            files = tuple(
                FileStamp(str(name), int(size), int(mtime), str(digest))
                for name, size, mtime, digest in data["files"]
            )
            return cls(str(data["directory"]), files, int(data["taken_ns"]))
        except (ValueError, TypeError, KeyError):
            return None


# A file modified this close to the moment its stamp was taken may have been written again
# within the file system's timestamp granularity, keeping size and time: its content hash
# decides instead (as git does for "racily clean" files).
RACY_NS = 2_000_000_000
