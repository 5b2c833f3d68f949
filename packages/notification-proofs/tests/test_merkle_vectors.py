"""The Merkle hashing and proofs against published vectors.

The vectors are copied as data from transparency-dev/merkle (Apache-2.0), the reference
implementation of RFC 6962 / RFC 9162 hashing: `testonly/constants.go` (LeafInputs,
RootHashes) and `testonly/reference_test.go` (TestRefInclusionProof,
TestRefConsistencyProof), https://github.com/transparency-dev/merkle/tree/main/testonly.
"""

from __future__ import annotations

import pytest

from notification_proofs.merkle import (
    EMPTY_ROOT,
    CompactRange,
    ProofError,
    consistency_proof,
    inclusion_path,
    leaf_hash,
    root_of,
    verify_consistency,
    verify_inclusion,
)

LEAF_INPUTS = [
    "",
    "00",
    "10",
    "2021",
    "3031",
    "40414243",
    "5051525354555657",
    "606162636465666768696a6b6c6d6e6f",
]
ROOTS = [
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]
INCLUSION = [
    (0, 1, []),
    (0, 2, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"]),
    (1, 2, ["6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"]),
    (2, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"]),
    (
        1,
        5,
        [
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        ],
    ),
    (
        0,
        8,
        [
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        ],
    ),
    (
        5,
        8,
        [
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        ],
    ),
]
CONSISTENCY = [
    (1, 1, []),
    (
        1,
        8,
        [
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        ],
    ),
    (
        2,
        5,
        [
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        ],
    ),
    (
        6,
        8,
        [
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        ],
    ),
]

LEAVES = [leaf_hash(bytes.fromhex(entry)) for entry in LEAF_INPUTS]


def test_the_empty_tree_is_the_hash_of_nothing() -> None:
    assert EMPTY_ROOT.hex() == ROOTS[0]
    assert root_of([]).hex() == ROOTS[0]


@pytest.mark.parametrize("size", range(1, 9))
def test_roots_of_every_size(size: int) -> None:
    assert root_of(LEAVES[:size]).hex() == ROOTS[size]


@pytest.mark.parametrize(("index", "size", "path"), INCLUSION)
def test_inclusion_paths(index: int, size: int, path: list[str]) -> None:
    made = inclusion_path(LEAVES[:size], index)
    assert [p.hex() for p in made] == path
    root = bytes.fromhex(ROOTS[size])
    verify_inclusion(index, size, LEAVES[index], [bytes.fromhex(p) for p in path], root)


@pytest.mark.parametrize(("old", "new", "proof"), CONSISTENCY)
def test_consistency_proofs(old: int, new: int, proof: list[str]) -> None:
    made = consistency_proof(LEAVES[:new], old)
    assert [p.hex() for p in made] == proof
    verify_consistency(old, new, bytes.fromhex(ROOTS[old]), bytes.fromhex(ROOTS[new]), made)


def test_every_path_and_proof_of_every_tree_up_to_8_verifies() -> None:
    for size in range(1, 9):
        root = bytes.fromhex(ROOTS[size])
        for index in range(size):
            verify_inclusion(index, size, LEAVES[index], inclusion_path(LEAVES[:size], index), root)
        for old in range(1, size + 1):
            verify_consistency(
                old, size, bytes.fromhex(ROOTS[old]), root, consistency_proof(LEAVES[:size], old)
            )


def test_a_wrong_leaf_index_or_path_is_refused() -> None:
    path = inclusion_path(LEAVES, 5)
    root = bytes.fromhex(ROOTS[8])
    with pytest.raises(ProofError, match="does not lead to the root"):
        verify_inclusion(4, 8, LEAVES[5], path, root)
    with pytest.raises(ProofError, match="shorter"):
        verify_inclusion(5, 8, LEAVES[5], path[:-1], root)
    with pytest.raises(ProofError, match="longer"):
        verify_inclusion(5, 8, LEAVES[5], [*path, path[0]], root)
    with pytest.raises(ProofError, match="not below"):
        verify_inclusion(8, 8, LEAVES[5], path, root)


def test_a_rewritten_history_has_no_consistency_proof() -> None:
    rewritten = [*LEAVES[:3], leaf_hash(b"rewritten"), *LEAVES[4:]]
    proof = consistency_proof(rewritten, 6)
    with pytest.raises(ProofError, match="root of size 6"):
        verify_consistency(6, 8, bytes.fromhex(ROOTS[6]), root_of(rewritten), proof)


def test_a_compact_range_has_the_root_of_every_size() -> None:
    compact = CompactRange()
    for size, leaf in enumerate(LEAVES, start=1):
        compact.append(leaf)
        assert compact.root().hex() == ROOTS[size]
    resumed = CompactRange(compact.size, compact.hashes)
    assert resumed.root().hex() == ROOTS[8]
