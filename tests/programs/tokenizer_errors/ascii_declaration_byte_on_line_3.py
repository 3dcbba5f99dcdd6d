# coding: ascii
x=1
é
