"""A corpus of broken SSDA903 uploads, each with what the platform must answer.

`UNUSABLE` are refused at the upload (a 4xx naming the problem); `broken_return` is
one return whose listed children must be refused whole, each with a report line, while
the others load. Used by the tests; `oversize` makes a file over any size limit (the
issue's 200 MB file, at whatever limit the setting says).
"""

from __future__ import annotations

from datetime import date, timedelta

from care_status.imports.generator import Return, ddmmyyyy, generate_return


def _replace_field(content: bytes, child: str, column: int, value: str, *, nth: int = 0) -> bytes:
    lines = content.decode().splitlines()
    matching = [i for i, line in enumerate(lines) if line.split(",")[0] == child]
    index = matching[nth]
    fields = lines[index].split(",")
    fields[column] = value
    lines[index] = ",".join(fields)
    return ("\n".join(lines) + "\n").encode()


def base_return(authority: str, today: date) -> Return:
    return generate_return(authority, 8, today, seed=1616, care_leavers=0, first_child=800000)


def broken_return(authority: str, today: date) -> tuple[dict[str, bytes], dict[str, str]]:
    """One return of 8 children, 5 of them broken: (files, broken CHILD -> what is wrong)."""
    generated = base_return(authority, today)
    files = generated.files()
    refs = [child.child for child in generated.children]
    episodes, header = files["episodes.csv"], files["header.csv"]
    broken = {
        refs[0]: "a legal status code (LS) the DfE does not have",
        refs[1]: "a placement code (PLACE) that is unknown",
        refs[2]: "a start date (DECOM) that is not a date",
        refs[3]: "two episodes that overlap",
        refs[4]: "two Header rows",
    }
    episodes = _replace_field(episodes, refs[0], 3, "ZZ")
    episodes = _replace_field(episodes, refs[1], 5, "Q9")
    episodes = _replace_field(episodes, refs[2], 1, "31/02/2026")
    first = generated.children[3].episodes[0]
    overlapping = [
        refs[3], ddmmyyyy(first.decom + timedelta(days=5)), "P", first.ls, "N1", "U6", "PR1",
        "", "", "", "NW3 1QG", "NW5 4WT", "XXXXXXX",
    ]  # fmt: skip
    episodes += (",".join(overlapping) + "\n").encode()
    duplicate = next(line for line in header.decode().splitlines() if line.startswith(refs[4]))
    header += (duplicate + "\n").encode()
    files["episodes.csv"], files["header.csv"] = episodes, header
    return files, broken


def unusable(authority: str, today: date) -> dict[str, tuple[dict[str, bytes], int, str]]:
    """Uploads refused whole: name -> (files, HTTP status, the field the problem names)."""
    files = base_return(authority, today).files()
    wrong_columns = files["episodes.csv"].replace(b"DECOM", b"START", 1)
    return {
        "not_csv_or_xml": ({"return.pdf": b"%PDF-1.4"}, 422, "body.files.return.pdf"),
        "wrong_columns": (
            {"header.csv": files["header.csv"], "episodes.csv": wrong_columns},
            422,
            "body.files.episodes.csv",
        ),
        "missing_episodes": ({"header.csv": files["header.csv"]}, 422, "body.files"),
        "two_header_files": (
            {**files, "header2.csv": files["header.csv"]},
            422,
            "body.files.header2.csv",
        ),
        "xml_wrong_schema": (
            {"return.xml": b"<?xml version='1.0'?><Invoice><Line>1</Line></Invoice>"},
            422,
            "body.files.return.xml",
        ),
        # The DfE's root and a CHILD per child, but fields of another schema (no CHILDID).
        "xml_wrong_schema_903_root": (
            {
                "return.xml": b"<?xml version='1.0'?><EXPSSDA903><CHILD><ID>1</ID>"
                b"<GENDER>M</GENDER><PLACEMENT><START>2025-01-01</START></PLACEMENT>"
                b"</CHILD></EXPSSDA903>"
            },
            422,
            "body.files.return.xml",
        ),
        "xml_of_another_authority": (
            {"return.xml": _xml_return("830")},
            403,
            "",
        ),
    }


def _xml_return(lea: str) -> bytes:
    return (
        "<?xml version='1.0' encoding='utf-8'?><Message><Header><Source>"
        f"<LEA>{lea}</LEA></Source></Header><CHILD><CHILDID>1</CHILDID><SEX>M</SEX>"
        "<DOB>2015-01-01</DOB><ETHNIC>WBRI</ETHNIC><EPISODE><DECOM>2025-01-01</DECOM>"
        "<RNE>S</RNE><LS>C2</LS><PL>U4</PL></EPISODE></CHILD></Message>"
    ).encode()


def oversize(limit: int) -> bytes:
    """An Episodes file one byte over `limit` (the issue's 200 MB file, scaled)."""
    header = b"CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
    row = b"1,01/01/2025,S,C2,N1,U4,PR1,,,,NW3 1QG,NW5 4WT,XXXXXXX\n"
    body = header + row * (limit // len(row) + 1)
    return body[: limit + 1]
