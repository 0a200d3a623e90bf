"""Models built on the engine: the linear SVM (``linear``), the guide's 2-layer network
(``two_layer``), and a small multi-layer perceptron of Units (``mlp``)."""
