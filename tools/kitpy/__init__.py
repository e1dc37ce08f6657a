"""The backprop-kit front end (./kit). Standard library only, Python 3.8 or newer."""
