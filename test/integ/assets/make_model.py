"""Writes the data and the model that the integration tests upload (run once; the outputs are committed).

    python3 -m venv /tmp/xgb && /tmp/xgb/bin/pip install "xgboost==1.7.6" "numpy<2" "scipy<1.14"
    /tmp/xgb/bin/python test/integ/assets/make_model.py

- train.csv: 40 rows of `label,feature` (label = 2 * feature + 1), the training channel of the
  algorithm's validation job (CSV, label first, no header: SageMaker XGBoost's CSV format).
- transform-input.csv: 10 rows of `feature`, the input of the model package's validation transform job.
- model.tar.gz: `xgboost-model`, an XGBoost 1.7.6 booster trained on train.csv for 5 rounds, in the
  binary format that SageMaker's XGBoost 1.7-1 container loads. The archive is byte-for-byte
  reproducible (fixed member time and owner, no gzip time stamp), so its asset hash is stable.
"""
import gzip
import io
import os
import tarfile

import numpy as np
import xgboost as xgb

HERE = os.path.dirname(os.path.abspath(__file__))

features = np.arange(40, dtype=float) / 4.0
labels = 2.0 * features + 1.0
with open(os.path.join(HERE, "train.csv"), "w") as out:
    for x, y in zip(features, labels):
        out.write(f"{y:g},{x:g}\n")
with open(os.path.join(HERE, "transform-input.csv"), "w") as out:
    for x in features[::4]:
        out.write(f"{x:g}\n")

booster = xgb.train({"objective": "reg:squarederror", "max_depth": 2, "seed": 1},
                    xgb.DMatrix(features.reshape(-1, 1), label=labels), num_boost_round=5)
raw = booster.save_raw(raw_format="deprecated")

archive = io.BytesIO()
with tarfile.open(fileobj=archive, mode="w", format=tarfile.USTAR_FORMAT) as tar:
    member = tarfile.TarInfo("xgboost-model")
    member.size = len(raw)
    member.mtime = 0
    member.mode = 0o644
    tar.addfile(member, io.BytesIO(bytes(raw)))
with open(os.path.join(HERE, "model.tar.gz"), "wb") as out:
    with gzip.GzipFile(filename="", mode="wb", fileobj=out, mtime=0) as gz:
        gz.write(archive.getvalue())
print("wrote train.csv, transform-input.csv and model.tar.gz")
