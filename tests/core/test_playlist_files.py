"""Playlist files: M3U, M3U8, PLS and XSPF read from real files, written back, and bad input."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kapdesk.core import playlist_files
from kapdesk.core.playlist_files import parse_playlist, read_playlist
from kapdesk.core.playlist_writing import format_playlist, write_playlist
from kapdesk.core.playlists import (
    STREAM_URL,
    PlaylistEntry,
    PlaylistError,
    PlaylistFile,
    PlaylistFormat,
    PlaylistProblem,
    describe_entry,
    duration_text,
    playlist_format,
)

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="Windows paths are native there")


@pytest.fixture
def music(tmp_path: Path) -> Path:
    """A music folder with two tracks, and a ``lists`` folder beside it."""
    folder = tmp_path / "music"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.mp3").write_bytes(b"a")
    (folder / "sub" / "b.ogg").write_bytes(b"b")
    (tmp_path / "lists").mkdir()
    return folder


def _write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    return path


def _summary(playlist: PlaylistFile) -> list[tuple[Path | None, str, str, float | None]]:
    return [(e.path, e.artist, e.title, e.duration) for e in playlist.entries]


# --- M3U ---------------------------------------------------------------------------------------


def test_extended_m3u_gives_titles_artists_lengths_and_lines(music: Path) -> None:
    playlist = read_playlist(
        _write(
            music.parent / "lists" / "evening.m3u",
            "#EXTM3U\n"
            "#PLAYLIST:Evening\n"
            "\n"
            "#EXTINF:245,Brian Eno - An Ending (Ascent)\n"
            "../music/a.mp3\n"
            "# a comment, and a player's option:\n"
            "#EXTVLCOPT:start-time=10\n"
            "#EXTINF:-1,Just a title\n"
            f"{music / 'sub' / 'b.ogg'}\n",
        )
    )
    assert playlist.format is PlaylistFormat.M3U
    assert playlist.title == "Evening"
    assert playlist.problems == []
    assert _summary(playlist) == [
        (music / "a.mp3", "Brian Eno", "An Ending (Ascent)", 245.0),
        (music / "sub" / "b.ogg", "", "Just a title", None),
    ]
    assert [e.line for e in playlist.entries] == [5, 9]
    assert [e.location for e in playlist.entries] == ["../music/a.mp3", str(music / "sub/b.ogg")]
    assert all(e.ok for e in playlist.entries)
    assert playlist.playable == playlist.entries


def test_plain_m3u_is_just_paths(music: Path) -> None:
    playlist = read_playlist(
        _write(music / "plain.m3u", f"a.mp3\r\nsub/b.ogg\r\n{music / 'a.mp3'}\r\n")
    )
    assert [e.path for e in playlist.entries] == [
        music / "a.mp3",
        music / "sub" / "b.ogg",
        music / "a.mp3",
    ]
    assert [(e.title, e.artist, e.duration) for e in playlist.entries] == [("", "", None)] * 3
    assert playlist.problems == []


def test_m3u8_reads_utf8_names(tmp_path: Path) -> None:
    (tmp_path / "Arvo Pärt – Für Alina.flac").write_bytes(b"x")
    (tmp_path / "雨の音.ogg").write_bytes(b"x")
    playlist = read_playlist(
        _write(
            tmp_path / "p.m3u8",
            "#EXTM3U\n#EXTINF:600,Arvo Pärt - Für Alina\nArvo Pärt – Für Alina.flac\n雨の音.ogg\n",
        )
    )
    assert playlist.format is PlaylistFormat.M3U8
    assert [e.ok for e in playlist.entries] == [True, True]
    assert playlist.entries[0].artist == "Arvo Pärt"
    assert playlist.entries[1].path == tmp_path / "雨の音.ogg"


def test_extinf_attributes_may_hold_commas(music: Path) -> None:
    playlist = parse_playlist(
        '#EXTM3U\n#EXTINF:123 tvg-name="Calm, slow" group-title="Rain",Hania Rani - Eden\na.mp3\n',
        base_dir=music,
    )
    assert _summary(playlist) == [(music / "a.mp3", "Hania Rani", "Eden", 123.0)]


def test_bad_lengths_are_ignored_and_noted(music: Path) -> None:
    lines = ["abc", "", "nan", "1e400", "-1", "-7", "12.5", "0"]
    text = "#EXTM3U\n" + "".join(f"#EXTINF:{n},Title {i}\na.mp3\n" for i, n in enumerate(lines))
    playlist = parse_playlist(text, fmt="m3u", base_dir=music)
    assert [e.duration for e in playlist.entries] == [None, None, None, None, None, None, 12.5, 0]
    assert [e.title for e in playlist.entries] == [f"Title {i}" for i in range(len(lines))]
    assert all(e.ok for e in playlist.entries)
    assert [(p.line) for p in playlist.problems] == [2, 6, 8]
    assert "'abc' is not a length" in playlist.problems[0].message


def test_an_extinf_without_a_file_is_noted(music: Path) -> None:
    playlist = parse_playlist(
        "#EXTM3U\n#EXTINF:10,Lost\n#EXTINF:20,Found\na.mp3\n#EXTINF:30,End\n", base_dir=music
    )
    assert _summary(playlist) == [(music / "a.mp3", "", "Found", 20.0)]
    assert [str(p) for p in playlist.problems] == [
        "line 2: an #EXTINF line with no file after it; ignored",
        "line 5: an #EXTINF line with no file after it; ignored",
    ]


def test_a_home_folder_path_is_expanded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("USERPROFILE", str(tmp_path))
    (tmp_path / "a.mp3").write_bytes(b"a")
    playlist = parse_playlist("~/a.mp3\n", base_dir=tmp_path / "elsewhere")
    assert playlist.entries[0].path == tmp_path / "a.mp3"


# --- PLS ---------------------------------------------------------------------------------------


def test_pls_orders_by_number_with_gaps_and_any_case(music: Path) -> None:
    playlist = read_playlist(
        _write(
            music / "p.pls",
            "[Playlist]\n"
            "; a comment\n"
            "FILE5=sub/b.ogg\n"
            "title5=Rain\n"
            "Length5=-1\n"
            "File2=a.mp3\n"
            "Title2=Nils Frahm - Says\n"
            "length2=544\n"
            "NumberOfEntries=2\n"
            "Version=2\n",
        )
    )
    assert playlist.format is PlaylistFormat.PLS
    assert playlist.problems == []
    assert _summary(playlist) == [
        (music / "a.mp3", "Nils Frahm", "Says", 544.0),
        (music / "sub" / "b.ogg", "", "Rain", None),
    ]
    assert [e.line for e in playlist.entries] == [6, 3]


def test_pls_oddities_become_problems(music: Path) -> None:
    playlist = parse_playlist(
        "[playlist]\n"
        "File1=a.mp3\n"
        "Length1=four minutes\n"
        "File1=sub/b.ogg\n"
        "File2=   \n"
        "Title3=Orphan\n"
        "this line means nothing\n"
        "File=x.mp3\n"
        "NumberOfEntries=7\n",
        fmt="pls",
        base_dir=music,
    )
    assert _summary(playlist) == [(music / "a.mp3", "", "", None)]
    assert [str(p) for p in playlist.problems] == [
        "line 3: the length 'four minutes' is not a length; ignored",
        "line 4: File1 appears twice (first on line 2); ignored",
        "line 5: File2 has no file name; skipped",
        "line 6: Title3 has no File3; ignored",
        "line 7: not a Key=value line; ignored",
        "line 8: File= without a number (File1=, File2=, ...); ignored",
        "line 9: NumberOfEntries says 7, but the file lists 2",
    ]


def test_pls_without_its_header_is_read_with_a_note(music: Path) -> None:
    playlist = read_playlist(_write(music / "p.pls", "File1=a.mp3\n"))
    assert [e.path for e in playlist.entries] == [music / "a.mp3"]
    assert [p.message for p in playlist.problems] == ["no [playlist] line at the top; read anyway"]


def test_a_pls_with_neither_header_nor_files_is_no_playlist(tmp_path: Path) -> None:
    with pytest.raises(PlaylistError, match="does not look like a playlist"):
        read_playlist(_write(tmp_path / "p.pls", "hello=world\n"))


# --- XSPF --------------------------------------------------------------------------------------

XSPF = """\
<?xml version="1.0" encoding="UTF-8"?>
<playlist version="1" xmlns="http://xspf.org/ns/0/">
  <title>Return &amp; rest</title>
  <trackList>
    <track>
      <location>file://{music}/a.mp3</location>
      <title>Says</title>
      <creator>Nils Frahm</creator>
      <duration>544300</duration>
    </track>
    <track>
      <title>No location</title>
    </track>
    <track>
      <location>gone.mp3</location>
      <location>sub/b.ogg</location>
      <duration>soon</duration>
    </track>
  </trackList>
</playlist>
"""


def test_xspf_tracks_with_uris_titles_creators_and_milliseconds(music: Path) -> None:
    playlist = read_playlist(_write(music / "p.xspf", XSPF.format(music=music)))
    assert playlist.format is PlaylistFormat.XSPF
    assert playlist.title == "Return & rest"
    assert _summary(playlist) == [
        (music / "a.mp3", "Nils Frahm", "Says", 544.3),
        (music / "sub" / "b.ogg", "", "", None),  # the first location that exists
    ]
    assert [e.line for e in playlist.entries] == [6, 16]
    assert [str(p) for p in playlist.problems] == [
        "line 11: a <track> with no <location>; skipped",
        "line 17: the duration 'soon' is not a length; ignored",
    ]


def test_xspf_relative_uris_are_percent_decoded_and_namespace_is_optional(tmp_path: Path) -> None:
    (tmp_path / "a b#1.mp3").write_bytes(b"x")
    (tmp_path / "50%.mp3").write_bytes(b"x")  # a tool that did not encode its %
    playlist = parse_playlist(
        "<playlist><trackList>"
        "<track><location> a%20b%231.mp3 </location></track>"
        "<track><location>50%.mp3</location></track>"
        "<track><location>https://radio.example/live</location></track>"
        "</trackList></playlist>",
        base_dir=tmp_path,
    )
    assert [e.path for e in playlist.entries] == [
        tmp_path / "a b#1.mp3",
        tmp_path / "50%.mp3",
        None,
    ]
    assert playlist.entries[2].problem == STREAM_URL


def test_xspf_follows_its_declared_encoding(tmp_path: Path) -> None:
    (tmp_path / "café.mp3").write_bytes(b"x")
    text = (
        '<?xml version="1.0" encoding="ISO-8859-1"?>\n'
        '<playlist xmlns="http://xspf.org/ns/0/"><trackList><track>'
        "<location>caf%C3%A9.mp3</location><title>Café</title>"
        "</track></trackList></playlist>\n"
    )
    playlist = read_playlist(_write(tmp_path / "p.xspf", text.encode("latin-1")))
    assert playlist.entries[0].title == "Café"
    assert playlist.entries[0].ok


def test_truncated_xspf_is_one_error_with_its_line(music: Path) -> None:
    text = XSPF.format(music=music)
    cut = text[: text.index("<title>No location")]
    with pytest.raises(PlaylistError, match=r"p\.xspf is not valid XML: line 12: "):
        read_playlist(_write(music / "p.xspf", cut))


def test_xspf_entity_declarations_are_refused(tmp_path: Path) -> None:
    bomb = (
        '<?xml version="1.0"?>\n<!DOCTYPE playlist [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;">]>\n<playlist><title>&b;</title></playlist>\n'
    )
    with pytest.raises(PlaylistError, match="declares XML entities"):
        read_playlist(_write(tmp_path / "p.xspf", bomb))


def test_other_xml_is_not_an_xspf_playlist(tmp_path: Path) -> None:
    with pytest.raises(PlaylistError, match=r"not an XSPF playlist \(it starts with <smil>\)"):
        read_playlist(_write(tmp_path / "p.xspf", "<?xml version='1.0'?><smil><body/></smil>"))


# --- telling the format ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("list.txt", "[playlist]\nFile1=a.mp3\n", PlaylistFormat.PLS),
        ("list", "<?xml version='1.0'?><playlist/>", PlaylistFormat.XSPF),
        ("list.xml", "  <playlist><trackList/></playlist>", PlaylistFormat.XSPF),
        ("list.txt", "a.mp3\n", PlaylistFormat.M3U),
        ("list.M3U8", "a.mp3\n", PlaylistFormat.M3U8),
    ],
)
def test_the_format_comes_from_the_name_else_the_contents(
    music: Path, name: str, content: str, expected: PlaylistFormat
) -> None:
    playlist = read_playlist(_write(music / name, content))
    assert playlist.format is expected
    assert playlist.problems == []


def test_contents_that_plainly_disagree_with_the_name_win_with_a_note(music: Path) -> None:
    playlist = read_playlist(_write(music / "really-pls.m3u", "[playlist]\nFile1=a.mp3\n"))
    assert playlist.format is PlaylistFormat.PLS
    assert [e.path for e in playlist.entries] == [music / "a.mp3"]
    assert playlist.problems == [
        PlaylistProblem(None, "the name says M3U but it holds a PLS playlist; read as PLS")
    ]


def test_playlist_format_by_extension() -> None:
    assert playlist_format(Path("a/B.XSPF")) is PlaylistFormat.XSPF
    assert playlist_format(Path("a/b.m3u8")) is PlaylistFormat.M3U8
    assert playlist_format(Path("a/b.mp3")) is None


def test_an_unknown_format_name_is_a_playlist_error() -> None:
    with pytest.raises(PlaylistError, match="unknown playlist format 'wpl'"):
        parse_playlist("a.mp3", fmt="wpl")


# --- encodings ---------------------------------------------------------------------------------

ENCODED_LINE = "#EXTM3U\r\n#EXTINF:61,Café Del Mar - Été\r\nété.mp3\r\n"


@pytest.mark.parametrize(
    ("suffix", "data"),
    [
        (".m3u", ENCODED_LINE.encode("utf-8")),
        (".m3u", b"\xef\xbb\xbf" + ENCODED_LINE.encode("utf-8")),
        (".m3u", ENCODED_LINE.encode("utf-16")),  # with its byte-order mark
        (".m3u", b"\xff\xfe" + ENCODED_LINE.encode("utf-16-le")),
        (".m3u", b"\xfe\xff" + ENCODED_LINE.encode("utf-16-be")),
        (".m3u", ENCODED_LINE.encode("cp1252")),
        (".pls", "[playlist]\nFile1=été.mp3\nTitle1=Café Del Mar - Été\n".encode("utf-16")),
        (".pls", "[playlist]\nFile1=été.mp3\nTitle1=Café Del Mar - Été\n".encode("cp1252")),
        (".m3u8", b"\xef\xbb\xbf" + ENCODED_LINE.encode("utf-8")),
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "utf16",
        "utf16le-bom",
        "utf16be-bom",
        "cp1252",
        "pls-utf16",
        "pls-cp1252",
        "m3u8-bom",
    ],
)
def test_encodings_are_recognised(tmp_path: Path, suffix: str, data: bytes) -> None:
    (tmp_path / "été.mp3").write_bytes(b"x")
    playlist = read_playlist(_write(tmp_path / f"list{suffix}", data))
    assert [(e.path, e.artist, e.title) for e in playlist.entries] == [
        (tmp_path / "été.mp3", "Café Del Mar", "Été")
    ]
    assert playlist.problems == []
    assert playlist.entries[0].line == (3 if suffix != ".pls" else 2)


def test_bytes_cp1252_leaves_undefined_still_decode(tmp_path: Path) -> None:
    (tmp_path / "€ café.mp3").write_bytes(b"x")
    data = b"#EXTM3U\n\x80 caf\xe9.mp3\na\x81b.mp3\n"
    playlist = parse_playlist(data, fmt="m3u", base_dir=tmp_path)
    assert [(e.location, e.ok) for e in playlist.entries] == [("€ café.mp3", True)]
    assert [p.line for p in playlist.problems] == [3]  # U+0081 is a control character


def test_an_m3u8_that_is_not_utf8_is_read_anyway_with_a_note(tmp_path: Path) -> None:
    (tmp_path / "été.mp3").write_bytes(b"x")
    playlist = read_playlist(_write(tmp_path / "p.m3u8", "#EXTM3U\nété.mp3\n".encode("cp1252")))
    assert playlist.entries[0].ok
    assert playlist.problems == [
        PlaylistProblem(2, "not valid UTF-8, as an .m3u8 file should be; read as Windows-1252")
    ]


# --- where entries point -----------------------------------------------------------------------


@posix_only
def test_windows_paths(music: Path) -> None:
    playlist = read_playlist(
        _write(
            music.parent / "lists" / "win.m3u",
            "#EXTM3U\r\n"
            "C:\\Music\\a.mp3\r\n"
            "d:/Music/b.mp3\r\n"
            "..\\music\\sub\\b.ogg\r\n"
            "..\\music\\gone.ogg\r\n"
            "\\\\server\\share\\c.flac\r\n"
            "\\Music\\root.mp3\r\n",
        )
    )
    problems = [(e.path, e.problem) for e in playlist.entries]
    assert problems == [
        (None, "a Windows path (C:\\…) that does not exist on this computer"),
        (None, "a Windows path (D:\\…) that does not exist on this computer"),
        (music / "sub" / "b.ogg", None),
        (music / "gone.ogg", f"missing: {music / 'gone.ogg'}"),
        (None, "a Windows network path (\\\\server\\…) that this computer cannot open"),
        (None, "a Windows path (\\…) that does not exist on this computer"),
    ]
    assert playlist.entries[0].location == "C:\\Music\\a.mp3"


@posix_only
def test_a_posix_name_with_a_backslash_or_a_colon_is_still_found(tmp_path: Path) -> None:
    (tmp_path / "back\\slash.mp3").write_bytes(b"x")
    (tmp_path / "a:b.mp3").write_bytes(b"x")
    playlist = parse_playlist("back\\slash.mp3\na:b.mp3\n", base_dir=tmp_path)
    assert [e.path for e in playlist.entries] == [
        tmp_path / "back\\slash.mp3",
        tmp_path / "a:b.mp3",
    ]
    assert all(e.ok for e in playlist.entries)


@posix_only
def test_file_urls(tmp_path: Path) -> None:
    (tmp_path / "a b.mp3").write_bytes(b"x")
    (tmp_path / "é #1.mp3").write_bytes(b"x")
    base = tmp_path.as_posix()
    playlist = parse_playlist(
        f"file://{base}/a%20b.mp3\n"
        f"file://localhost{base}/a%20b.mp3\n"
        f"FILE:{base}/a%20b.mp3\n"
        f"file://{base}/%C3%A9%20%231.mp3\n"
        f"file://{base}/é #1.mp3\n"  # unencoded, as some players write it
        f"file://{base}/nope.mp3\n"
        "file:///C:/Music/a.mp3\n"
        "file://nas/music/a.mp3\n",
        base_dir=tmp_path,
    )
    assert [(e.path, e.problem) for e in playlist.entries] == [
        (tmp_path / "a b.mp3", None),
        (tmp_path / "a b.mp3", None),
        (tmp_path / "a b.mp3", None),
        (tmp_path / "é #1.mp3", None),
        (tmp_path / "é #1.mp3", None),
        (tmp_path / "nope.mp3", f"missing: {tmp_path / 'nope.mp3'}"),
        (None, "a Windows path (C:\\…) that does not exist on this computer"),
        (None, "a network file URL (file://nas/…) that this computer cannot open"),
    ]


def test_stream_urls_are_kept_but_not_playable(tmp_path: Path) -> None:
    playlist = parse_playlist(
        "#EXTM3U\n#EXTINF:-1,Radio\nhttp://radio.example/calm.mp3\n"
        "HTTPS://radio.example/x\nrtsp://cam/1\nmms://old/stream\n",
        base_dir=tmp_path,
    )
    assert [(e.path, e.problem) for e in playlist.entries] == [(None, STREAM_URL)] * 4
    assert playlist.entries[0].title == "Radio"
    assert playlist.playable == []


def test_missing_files_and_folders_are_marked_but_kept(music: Path) -> None:
    playlist = read_playlist(
        _write(music / "p.m3u", "#EXTM3U\n#EXTINF:90,Gone - Away\ngone.mp3\nsub\na.mp3\n")
    )
    gone, folder, present = playlist.entries
    assert gone.missing
    assert gone.problem == f"missing: {music / 'gone.mp3'}"
    assert (gone.path, gone.title, gone.duration, gone.line) == (music / "gone.mp3", "Away", 90, 3)
    assert not folder.missing
    assert folder.problem == f"a folder, not a file: {music / 'sub'}"
    assert present.ok
    assert playlist.playable == [present]
    assert playlist.problems == []


def test_relative_entries_need_a_folder_to_be_found_from() -> None:
    playlist = parse_playlist("a.mp3\n")
    assert playlist.entries[0].path is None
    assert playlist.entries[0].problem == (
        "a relative path, and the playlist has no folder to find it from"
    )


# --- garbage -----------------------------------------------------------------------------------


def test_garbage_lines_become_problems_on_their_lines(music: Path) -> None:
    data = (
        b"#EXTM3U\n"
        b"a.mp3\n"
        b"\x00\x01\x02\x89PNG\x1a\x00\x00binary\n"
        b"#EXTINF:12,Junk title\n"
        b"\x1b[31mred\x1b[0m.mp3\n" + b"x" * 5000 + b".mp3\n" + b"   \t  \n" + b"sub/b.ogg\n"
    )
    playlist = read_playlist(_write(music / "p.m3u", data))
    assert [e.path for e in playlist.entries] == [music / "a.mp3", music / "sub" / "b.ogg"]
    assert playlist.entries[1].title == ""  # the #EXTINF belonged to the junk line
    assert [(p.line, p.message.split(",")[0].split(" (")[0]) for p in playlist.problems] == [
        (3, "control characters"),
        (5, "control characters"),
        (6, "a line of 5004 characters"),
    ]


def test_a_pls_with_junk_keeps_its_entries(music: Path) -> None:
    playlist = parse_playlist(
        b"[playlist]\nFile1=a.mp3\n\xff\xfe\x00\x00\x07\x08\nFile2=sub/b.ogg\n", base_dir=music
    )
    assert [e.ok for e in playlist.entries] == [True, True]
    assert [p.line for p in playlist.problems] == [3]


def test_binary_junk_is_no_playlist(tmp_path: Path) -> None:
    junk = bytes(range(256)) * 8
    with pytest.raises(PlaylistError, match="does not look like a playlist"):
        read_playlist(_write(tmp_path / "junk.m3u", junk))


def test_an_audio_file_is_no_playlist(tmp_path: Path) -> None:
    with pytest.raises(PlaylistError, match="is an audio file, not a playlist"):
        read_playlist(
            _write(tmp_path / "song.mp3", b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\xff" * 64)
        )
    # ...but a playlist naming such a file on its first line is one.
    assert parse_playlist("ID3 tags.mp3\n", base_dir=tmp_path).entries[0].location == "ID3 tags.mp3"


@pytest.mark.parametrize("content", [b"", b"  \n\r\n\t", b"\xef\xbb\xbf", b"\xff\xfe", b"\x1a"])
def test_an_empty_file_is_an_error(tmp_path: Path, content: bytes) -> None:
    with pytest.raises(PlaylistError, match=r"empty\.m3u is empty"):
        read_playlist(_write(tmp_path / "empty.m3u", content))


def test_a_header_alone_is_an_empty_playlist(tmp_path: Path) -> None:
    playlist = read_playlist(_write(tmp_path / "p.m3u", "#EXTM3U\n"))
    assert (playlist.entries, playlist.problems) == ([], [])


def test_a_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(PlaylistError, match=r"nope\.m3u: no such file"):
        read_playlist(tmp_path / "nope.m3u")


def test_a_folder_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "folder.m3u").mkdir()
    with pytest.raises(PlaylistError, match="is a folder, not a playlist file"):
        read_playlist(tmp_path / "folder.m3u")


def test_an_unreadable_file_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = _write(tmp_path / "locked.m3u", "a.mp3\n")
    real_open = os.open

    def locked_open(path: str, *args: int) -> int:
        if path == str(target):
            raise PermissionError(13, "Permission denied", path)
        return real_open(path, *args)

    monkeypatch.setattr(os, "open", locked_open)
    with pytest.raises(PlaylistError, match=r"locked\.m3u: permission denied"):
        read_playlist(target)


def test_a_huge_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(playlist_files, "MAX_BYTES", 100)
    with pytest.raises(PlaylistError, match="too large to be a playlist"):
        read_playlist(_write(tmp_path / "big.m3u", "a.mp3\n" * 50))


# --- writing -----------------------------------------------------------------------------------


def _entries(music: Path) -> list[PlaylistEntry]:
    return [
        PlaylistEntry.for_file(music / "a.mp3", title="Says", artist="Nils Frahm", duration=544.4),
        PlaylistEntry.for_file(music / "sub" / "b.ogg", title="Rain & <wind>"),
        PlaylistEntry.for_file(music / "gone.mp3"),
    ]


def test_m3u_text(music: Path) -> None:
    text = format_playlist(_entries(music), "m3u8", base_dir=music, title="Return")
    assert text == (
        "#EXTM3U\n"
        "#PLAYLIST:Return\n"
        "#EXTINF:544,Nils Frahm - Says\n"
        "a.mp3\n"
        "#EXTINF:-1,Rain & <wind>\n"
        "sub/b.ogg\n"
        "gone.mp3\n"
    )


def test_pls_text(music: Path) -> None:
    assert format_playlist(_entries(music), PlaylistFormat.PLS) == (
        "[playlist]\n"
        f"File1={music / 'a.mp3'}\n"
        "Title1=Nils Frahm - Says\n"
        "Length1=544\n"
        f"File2={music / 'sub' / 'b.ogg'}\n"
        "Title2=Rain & <wind>\n"
        "Length2=-1\n"
        f"File3={music / 'gone.mp3'}\n"
        "Length3=-1\n"
        "NumberOfEntries=3\n"
        "Version=2\n"
    )


def test_xspf_text(music: Path) -> None:
    text = format_playlist(_entries(music)[:2], "xspf", title="Calm & <slow>")
    assert text == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<playlist version="1" xmlns="http://xspf.org/ns/0/">\n'
        "  <title>Calm &amp; &lt;slow&gt;</title>\n"
        "  <trackList>\n"
        "    <track>\n"
        f"      <location>{(music / 'a.mp3').as_uri()}</location>\n"
        "      <title>Says</title>\n"
        "      <creator>Nils Frahm</creator>\n"
        "      <duration>544400</duration>\n"
        "    </track>\n"
        "    <track>\n"
        f"      <location>{(music / 'sub' / 'b.ogg').as_uri()}</location>\n"
        "      <title>Rain &amp; &lt;wind&gt;</title>\n"
        "    </track>\n"
        "  </trackList>\n"
        "</playlist>\n"
    )


@pytest.mark.parametrize("fmt", list(PlaylistFormat))
@pytest.mark.parametrize("relative", [True, False])
def test_round_trip(music: Path, fmt: PlaylistFormat, relative: bool) -> None:
    target = music.parent / "lists" / f"out.{fmt.value}"
    write_playlist(_entries(music), target, relative=relative, title="Return")
    text = target.read_text(encoding="utf-8")
    assert ("../music/" in text) is relative
    playlist = read_playlist(target)
    whole = fmt is not PlaylistFormat.XSPF  # M3U and PLS keep whole seconds
    assert _summary(playlist) == [
        (music / "a.mp3", "Nils Frahm", "Says", 544 if whole else 544.4),
        (music / "sub" / "b.ogg", "", "Rain & <wind>", None),
        (music / "gone.mp3", "", "", None),
    ]
    assert [e.ok for e in playlist.entries] == [True, True, False]
    assert playlist.entries[2].missing
    assert playlist.problems == []
    assert playlist.title == ("" if fmt is PlaylistFormat.PLS else "Return")


@pytest.mark.parametrize("fmt", list(PlaylistFormat))
def test_entries_without_a_path_keep_their_location(tmp_path: Path, fmt: PlaylistFormat) -> None:
    original = parse_playlist(
        "http://radio.example/calm\nC:\\Music\\a.mp3\n", fmt="m3u", base_dir=tmp_path
    )
    target = tmp_path / f"out.{fmt.value}"
    write_playlist(original.entries, target)
    again = read_playlist(target)
    assert [(e.location, e.path, e.problem) for e in again.entries] == [
        (e.location, e.path, e.problem) for e in original.entries
    ]


def test_titles_are_kept_on_one_line(tmp_path: Path) -> None:
    entry = PlaylistEntry("a.mp3", tmp_path / "a.mp3", title="Two\nlines\r\x1b[1m", artist="A\tB")
    text = format_playlist([entry], "m3u")
    assert text.splitlines()[1] == "#EXTINF:-1,A B - Two lines  [1m"
    again = parse_playlist(format_playlist([entry], "xspf"), base_dir=tmp_path)
    assert (again.entries[0].artist, again.entries[0].title) == ("A B", "Two lines  [1m")


def test_paths_with_only_the_root_in_common_are_written_absolute(tmp_path: Path) -> None:
    elsewhere = Path(os.path.abspath("/kapdesk-nowhere/a.mp3"))
    text = format_playlist([PlaylistEntry.for_file(elsewhere)], "m3u", base_dir=tmp_path)
    assert text.splitlines()[1] == str(elsewhere)


def test_names_that_would_read_back_differently_are_written_safely(tmp_path: Path) -> None:
    names = ["#1.mp3", "~x.mp3", " lead.mp3", "trail.mp3 ", "http:x.mp3", "new\nline.mp3"]
    entries = [PlaylistEntry.for_file(tmp_path / n) for n in names]
    lines = format_playlist(entries, "m3u", base_dir=tmp_path).splitlines()[1:]
    assert lines[:5] == [
        "./#1.mp3",
        "./~x.mp3",
        "./ lead.mp3",
        (tmp_path / names[3]).as_uri(),
        "./http:x.mp3",
    ]
    assert lines[5] == (tmp_path / names[5]).as_uri()
    again = parse_playlist("\n".join(lines), base_dir=tmp_path)
    assert [e.path for e in again.entries] == [tmp_path / n for n in names]


@pytest.mark.skipif(sys.platform != "linux", reason="needs a file system that takes any bytes")
@pytest.mark.parametrize("fmt", list(PlaylistFormat))
def test_names_that_are_not_utf8_survive(tmp_path: Path, fmt: PlaylistFormat) -> None:
    raw = os.fsdecode(b"caf\xe9.mp3")  # a Latin-1 name on a Linux disk
    (tmp_path / raw).write_bytes(b"x")
    target = tmp_path / f"p.{fmt.value}"
    write_playlist([PlaylistEntry.for_file(tmp_path / raw)], target)
    target.read_text(encoding="utf-8")  # the playlist itself is valid UTF-8
    playlist = read_playlist(target)
    assert [(e.path, e.ok) for e in playlist.entries] == [(tmp_path / raw, True)]
    assert "\ufffd" in describe_entry(playlist.entries[0])


def test_writing_replaces_the_file_atomically(music: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = music / "p.m3u"
    target.write_text("old\n", encoding="utf-8")
    os.chmod(target, 0o640)

    def crash(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(PlaylistError, match=r"cannot write .*p\.m3u: No space left on device"):
        write_playlist(_entries(music), target, force=True)
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in music.iterdir()) == ["a.mp3", "p.m3u", "sub"]

    monkeypatch.undo()
    with pytest.raises(PlaylistError, match="already exists"):
        write_playlist(_entries(music), target)
    assert target.read_text(encoding="utf-8") == "old\n"
    write_playlist(_entries(music), target, force=True)
    assert read_playlist(target).entries[0].title == "Says"
    assert sorted(p.name for p in music.iterdir()) == ["a.mp3", "p.m3u", "sub"]
    if sys.platform != "win32":
        assert target.stat().st_mode & 0o777 == 0o640


def test_writing_into_a_missing_folder_or_onto_a_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(PlaylistError, match="does not exist"):
        write_playlist([], tmp_path / "no" / "p.m3u")
    (tmp_path / "dir.m3u").mkdir()
    with pytest.raises(PlaylistError, match="is a folder"):
        write_playlist([], tmp_path / "dir.m3u")
    with pytest.raises(PlaylistError, match="cannot tell the playlist format"):
        write_playlist([], tmp_path / "p.txt")
    write_playlist([], tmp_path / "p.txt", fmt="pls")
    assert read_playlist(tmp_path / "p.txt").format is PlaylistFormat.PLS


# --- the round trip, over odd names ------------------------------------------------------------

_ODD = list(" #%&<>\"'~:;\\?*![]=,-.é日😀\t")
_NAME = st.text(
    st.one_of(
        st.sampled_from(_ODD),
        st.characters(codec="utf-8", exclude_characters="/\x00"),
    ),
    min_size=1,
    max_size=16,
).filter(lambda n: n not in {".", ".."})


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    folder=_NAME,
    names=st.lists(_NAME, min_size=1, max_size=4, unique=True),
    layout=st.tuples(st.sampled_from(list(PlaylistFormat)), st.booleans(), st.booleans()),
)
def test_round_trip_over_odd_names(
    tmp_path_factory: pytest.TempPathFactory,
    folder: str,
    names: list[str],
    layout: tuple[PlaylistFormat, bool, bool],
) -> None:
    fmt, relative, beside = layout
    root = tmp_path_factory.mktemp("odd")
    music = root / folder
    music.mkdir()
    paths = [music / name for name in names]
    for path in paths:
        path.write_bytes(b"x")
    # The playlist sits beside the tracks, or in a folder next to theirs.
    target = (music if beside else root / "lists") / f"#1 list.{fmt.value}"
    target.parent.mkdir(exist_ok=True)
    entries = [
        PlaylistEntry.for_file(path, title=f"T{i}", duration=i) for i, path in enumerate(paths)
    ]
    write_playlist(entries, target, relative=relative)
    playlist = read_playlist(target)
    assert playlist.problems == []
    assert [(e.path, e.problem, e.title, e.duration) for e in playlist.entries] == [
        (path, None, f"T{i}", i) for i, path in enumerate(paths)
    ]


# --- for a terminal ----------------------------------------------------------------------------


def test_describe_entry(music: Path) -> None:
    playlist = parse_playlist(
        "#EXTM3U\n#EXTINF:245,Brian Eno - An Ending\na.mp3\n#EXTINF:3725,Long\ngone.mp3\n"
        "sub/b.ogg\nhttp://radio.example/x\n",
        base_dir=music,
    )
    assert [describe_entry(e) for e in playlist.entries] == [
        f"ok       Brian Eno – An Ending (4:05)  {music / 'a.mp3'}",
        f"MISSING  Long (1:02:05)  {music / 'gone.mp3'}",
        f"ok       {music / 'sub' / 'b.ogg'}",
        f"PROBLEM  http://radio.example/x — {STREAM_URL}",
    ]


def test_describe_entry_cannot_drive_the_terminal() -> None:
    entry = PlaylistEntry("x", Path("/x"), title="\x1b]0;owned\x07")
    assert "\x1b" not in describe_entry(entry)
    assert "\x07" not in describe_entry(entry)


@pytest.mark.parametrize(
    ("seconds", "text"), [(0, "0:00"), (59.6, "1:00"), (245, "4:05"), (3600, "1:00:00")]
)
def test_duration_text(seconds: float, text: str) -> None:
    assert duration_text(seconds) == text


def test_entries_built_for_files_are_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    entry = PlaylistEntry.for_file(Path("a.mp3"), title="A")
    assert entry.path == tmp_path / "a.mp3"
    assert entry.location == str(tmp_path / "a.mp3")
    assert entry.ok
