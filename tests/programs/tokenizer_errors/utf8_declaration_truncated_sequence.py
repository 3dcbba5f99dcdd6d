# coding: utf-8
x = "â‚"
